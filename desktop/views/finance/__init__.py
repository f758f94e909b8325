"""The Financieel section: the document tables, the PDF viewer and the download status."""
