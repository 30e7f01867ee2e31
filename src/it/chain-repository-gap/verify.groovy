import groovy.json.JsonSlurper

List<String> runs = new File(basedir, 'build.log').getText('UTF-8').split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 6 : "expected 6 invocations, found ${runs.size()}"
(0..2).each { assert runs[it].contains('BUILD SUCCESS') }
File dir = new File(basedir, 'repo/dev/root24/it/chain-repository-gap')
assert new File(dir, '1.1/chain-repository-gap-1.1.pom').isFile()
assert !new File(dir, '1.1/chain-repository-gap-1.1-root24-certification.dsse.json').exists()

// 5: the deleted middle certification is a gap, named by its index, and fails verification
assert runs[4].contains('BUILD FAILURE')
assert runs[4].contains('FAIL entry 1 (no deployed certification): entry is missing (deleted?): the indexes have a gap')
def report = new JsonSlurper().parse(new File(basedir, 'target/root24/chain-verification.json'))
assert report.outcome == 'FAIL'
assert report.entries == 2
assert report.problems.findAll { it.severity == 'FAIL' }*.index == [1]
assert report.notes.any { it.contains('carry no certification') && it.contains('1.1') }

// 6: the next build finds the gap when resolving and does not continue the chain over it
assert runs[5].contains('BUILD FAILURE')
assert runs[5].contains('not appending to dev.root24.it:chain-repository-gap in file:')
assert runs[5].contains('Restore the deleted or damaged certification')
assert !new File(dir, '1.3').exists()
return true
