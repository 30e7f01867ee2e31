# detail: in a comment
-- os.execute('bash tools/gate.sh')
print('x')
