"""Word: the DOCX reader (reader.py), Word's automatic numbering as printed (numbering.py)
and the LibreOffice conversion of .doc / .wps / .rtf into DOCX (office.py)."""
