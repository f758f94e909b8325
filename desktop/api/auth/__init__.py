"""Logging in and out, remembered logins and the password reset."""
