"""PDF: the reader (reader.py), ruled tables through pdfplumber, unruled tables read from
where the text stands (unruled.py), the stream guard that bounds a hostile file before
pdfplumber sees it (guard.py) and the repair of a broken page tree (repair.py)."""
