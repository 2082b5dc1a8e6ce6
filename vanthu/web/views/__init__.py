"""Views of the web shell: authentication pages and the start pages of the work areas."""
