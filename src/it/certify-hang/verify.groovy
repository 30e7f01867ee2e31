import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('timed out after 2s; the process and its descendants were killed')
assert log.contains('opa not found on PATH')
// An empty chain and no evidence earn no audit points.
assert log.contains('ROOT24 13/100 NONE (static not measured, dynamic 33, audit 0)')
assert log.contains('BUILD SUCCESS')
assert !log.contains('tok-3f9a1c-never-shown')

def json = new JsonSlurper().parse(new File(basedir, 'target/root24/report.json'))
def checks = json.phases.dynamic.checks
assert checks*.id == ['hang', 'opa_eval', 'secret']
assert checks[0].status == 'TIMED_OUT' && checks[0].exitCode == 124
assert checks[0].stdout.tail == 'waiting\n'
assert checks[0].durationMillis < 10000
assert checks[1].status == 'NOT_FOUND' && checks[1].exitCode == 127
assert checks[2].stdout.tail == 'deploying with ****\n'
assert checks[2].environment.DEPLOY_TOKEN == '****'
['report.json', 'report.md', 'report.sarif'].each { name ->
    assert !new File(basedir, 'target/root24/' + name).getText('UTF-8').contains('tok-3f9a1c-never-shown')
}

// no process of the hanging check outlived it (a zombie awaiting its reaper does not run)
new File(basedir, 'hang.pids').readLines()*.trim().findAll { it }.each { pid ->
    File stat = new File("/proc/${pid}/stat")
    boolean running = stat.exists() && !(stat.text.substring(stat.text.lastIndexOf(')') + 2, stat.text.lastIndexOf(')') + 3) in ['Z', 'X'])
    assert !running : "process ${pid} still runs"
}
return true
