"""XLSX reader: a workbook's visible sheets → ``Document`` tables (``reader.XlsxReader``;
``numfmt``: values as the sheet shows them)."""
