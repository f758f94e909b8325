"""Being logged in: login, resume, remember me, shared-PC rules, lock, password reset."""
