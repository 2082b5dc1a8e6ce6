"""The outgoing fixtures (an office in each agency, an isolated blob store) for exchange tests."""

from vanthu.outgoing.tests.conftest import _isolated_blob_store, blob_store, office, other_office

__all__ = ["_isolated_blob_store", "blob_store", "office", "other_office"]
