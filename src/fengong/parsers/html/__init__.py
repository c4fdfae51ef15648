"""HTML reader: a saved or fetched web page → ``Document`` (``reader.HtmlReader``).

``charset``: bytes → text (BOM, ``<meta charset>``, ``http-equiv``; gb2312 read as
GB18030). ``page``: the site's chrome removed and the article found. ``reader``: the
article walked into paragraphs and tables.
"""
