import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def json = new JsonSlurper().parse(new File(basedir, 'target/root24/report.json'))
// It once scored static 100, dynamic 100, audit 65: 91 GOLD, BUILD SUCCESS.
assert json.overall.score < 70 : "scored ${json.overall.score}"
assert !(json.overall.tier in ['SILVER', 'GOLD', 'PLATINUM'])
assert json.phases.static.score < 50 : "static ${json.phases.static.score}"
assert json.phases.audit.score == 0
// empty and no-op tools earn nothing
def tools = json.phases.static.tools.collectEntries { [(it.id): it] }
assert tools.structure_guard.present == false
assert tools.structure_guard.problem == 'tool file is empty'
assert tools.structure_policy_opa.problem == 'tool file holds only blanks'
def sarif = new JsonSlurper().parse(new File(basedir, 'target/root24/report.sarif'))
// the empty tool file is a real file: the result sits on it
assert sarif.runs[0].results.any { it.ruleId == 'ciReferences/TOOL_FILE' &&
        it.message.text.startsWith('Tool structure_guard does not count: tool file is empty.') &&
        it.locations[0].physicalLocation.artifactLocation.uri == '12_tooling/scripts/structure_guard.sh' }
// the wormChain check at 0 entries measures nothing instead of passing
def chain = json.phases.dynamic.checks.find { it.id == 'wormChain' }
assert chain.status == 'NOT_MEASURED'
assert log.contains('is below failBelow GOLD')
assert log.contains('BUILD FAILURE')
return true
