"""HTML screens of incoming documents (server-rendered, HTMX-enhanced)."""
