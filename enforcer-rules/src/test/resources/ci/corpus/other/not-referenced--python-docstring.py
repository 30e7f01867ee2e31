# detail: in a docstring or a bare string (not code)
"""Calls tools/gate.sh."""
print('x')
