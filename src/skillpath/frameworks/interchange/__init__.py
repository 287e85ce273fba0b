"""Read and write competency frameworks in standard formats: CASE, ESCO, O*NET.

Parsers turn files into a :class:`~skillpath.frameworks.interchange.document.ParsedFramework`
without touching the database; :mod:`.writer` stores one in a single transaction.
"""
