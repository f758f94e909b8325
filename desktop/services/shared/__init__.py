"""What every service uses: named tasks, translated failure messages, crash reports and
atomic file writes."""
