String log = new File(basedir, 'build.log').getText('UTF-8')
List<String> runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
assert runs[0].contains('[ERROR] root24: FAIL (checkpoint): is a special file (FIFO, socket or device)')
assert runs[0].contains('[ERROR] root24: FAIL entry 3 (entry-0000000003.dsse.json): is not a regular file (a FIFO, socket or device): not read')
assert runs[0].contains('BUILD FAILURE')
assert runs[1].contains('trusted-fifo: is not a regular file (a FIFO, socket or device): not read')
assert runs[1].contains('BUILD FAILURE')
return true
