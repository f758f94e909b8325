"""Finance: tariffs, the monthly billing run, jaaropgaven, contracts and their PDFs."""
