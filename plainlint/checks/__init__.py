"""Rule code only, one package per code family; each check is a pure function of a Document, its rule and options."""
