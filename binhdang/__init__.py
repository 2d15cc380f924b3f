"""binhdang: provincial gender-equality plan monitoring."""
