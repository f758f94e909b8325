"""Item models of the messages: the inbox and a thread."""
