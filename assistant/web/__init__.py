"""The web page served by the app."""
