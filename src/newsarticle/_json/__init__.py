"""JSON text in and out: the strict reader, the locator of problems, the writer."""
