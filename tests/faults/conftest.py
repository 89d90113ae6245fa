"""Fault injection: each test provokes one failure an operator or an attacker could cause and asserts
the exit code, the message, and that nothing stored was lost or falsely decided (docs/reliability.md)."""
