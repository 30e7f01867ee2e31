# detail: under if False (never run)
import subprocess
if False:
    subprocess.run(['bash', 'tools/gate.sh'])
