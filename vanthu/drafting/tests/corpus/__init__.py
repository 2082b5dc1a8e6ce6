"""The checker's test corpus: correct Decree 30 documents built with python-docx, as a clerk
would make them in Word (two-column header and signature tables), and planted faults.
Everything is generated; no binary file is committed.
"""
