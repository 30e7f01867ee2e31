String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('ROOT-24-LOCK: 1 violation(s) in ' + basedir.canonicalPath)
assert log.contains('07_governance_legal/: locked module is missing -> create the directory 07_governance_legal/')
assert log.contains('BUILD FAILURE')

// The failing build still leaves a report CI can upload: SARIF first, then the step summary.
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/root24/root24Lock.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'root24Lock/MISSING_MODULE'
assert results[0].level == 'error'
// a missing module is no file code scanning can show: the result sits on the POM line of <root24Lock>
def located = results[0].locations[0].physicalLocation
assert located.artifactLocation.uri == 'pom.xml'
assert located.region.startLine == new File(basedir, 'pom.xml').readLines().findIndexOf { it.contains('<root24Lock>') } + 1
assert results[0].message.text.startsWith('07_governance_legal/: locked module is missing')
assert results[0].partialFingerprints['root24/v1'] ==~ /[0-9a-f]{64}:1/
assert sarif.runs[0].tool.driver.rules*.id == ['root24Lock/MISSING_MODULE']

String summary = new File(basedir, 'step-summary.md').getText('UTF-8')
assert summary.contains('### root24Lock: FAILED')
assert summary.contains('`07_governance_legal/`: locked module is missing (fix: create the directory 07\\_governance\\_legal/)')
assert summary.count('### root24Lock') == 1 : 'the rule reports once per build, not once per module'
return true
