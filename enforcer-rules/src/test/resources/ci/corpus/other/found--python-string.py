# detail: line 3
import subprocess
subprocess.run(['bash', 'tools/gate.sh'], check=True)
