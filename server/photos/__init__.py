"""Photos of activities: upload (server.photos.images, .workers, .store), the consent and
access rules (.rules), the staff's routes (.activity_routes) and the families' (.routes)."""
