import groovy.json.JsonSlurper

List<String> runs = new File(basedir, 'build.log').getText('UTF-8').split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
// build 1.1's check runs the concurrent build, whose output is in the check's output, not here
assert runs.size() == 5 : "expected 5 invocations, found ${runs.size()}"

File dir = new File(basedir, 'repo/dev/root24/it/chain-repository-fork')
def chain = { String v ->
    File f = new File(dir, "${v}/chain-repository-fork-${v}-root24-certification.dsse.json")
    assert f.isFile() : "no certification deployed for ${v}"
    new JsonSlurper().parse(Base64.decoder.decode(new JsonSlurper().parse(f).payload as String)).predicate.chain
}

// 2: build 1.1 resolved 1.0 before the concurrent build deployed, and passed its check (the other build)
assert runs[1].contains('continuing from 1.0')
assert runs[1] =~ /concurrentBuild\s+passed/
// the concurrent build resolved the same 1.0 and deployed 1.2 first: both hold entry 1 after 1.0
assert chain('1.1').index == 1
assert chain('1.2').index == 1
assert chain('1.1').prev == chain('1.2').prev
assert chain('1.1').timestamp > chain('1.2').timestamp

// 3: verify-chain reports the fork, naming both versions, as a WARN
assert runs[2].contains('BUILD SUCCESS')
assert runs[2] =~ /WARNING\] root24: WARN entry 1 \(dev\.root24\.it:chain-repository-fork:1\.\d\): fork: versions 1\.1, 1\.2 all hold entry 1, all continuing from 1\.0 \(entry 0\)/

// 4: the next build reports the fork when resolving, continues one branch, merges nothing
assert runs[3].contains('continuing from 1.1')
assert runs[3].contains('fork: versions 1.1, 1.2')
assert runs[3].contains('BUILD SUCCESS')
assert chain('1.3').index == 2

// 5: with root24.strict the fork fails verification; the chain itself is intact
assert runs[4].contains('BUILD FAILURE')
def report = new JsonSlurper().parse(new File(basedir, 'target/root24/chain-verification.json'))
assert report.outcome == 'WARN'
assert report.entries == 3
assert report.problems.every { it.severity == 'WARN' }
assert report.problems.find { it.message.startsWith('fork: ') }.index == 1
return true
