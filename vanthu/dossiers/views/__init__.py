"""HTML pages of dossiers: the file plan, "Hồ sơ của tôi", a dossier, the unfiled worklist."""
