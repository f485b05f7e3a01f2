"""Reply letters for secretariat staff: the inquiry split into its questions (`inquiry`), the letter
(`letter`), and its Word rendering (`docx`)."""
