"""The web page served by the app at /: chat with sources, scheme finder, reply drafts, sources, admin."""
