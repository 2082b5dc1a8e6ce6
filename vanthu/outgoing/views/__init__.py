"""HTML screens of outgoing documents, one module per screen group."""
