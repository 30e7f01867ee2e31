import groovy.json.JsonSlurper
import java.security.MessageDigest

List<String> runs = new File(basedir, 'build.log').getText('UTF-8').split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 4 : "expected 4 invocations, found ${runs.size()}"

// Each build starts from an empty target/ and continues from the certification deployed before it
assert runs[0].contains('continuing from nothing (first certification)')
assert runs[1].contains('continuing from 1.0')
assert runs[2].contains('continuing from 1.1')
(0..2).each { i ->
    assert runs[i].contains("WORM entry ${i} (signed [Ed25519 signing key ") : "run ${i + 1}"
    assert runs[i].contains('BUILD SUCCESS') : "run ${i + 1}"
}

// What was deployed: one certification per version, each linking to the one before
File dir = new File(basedir, 'repo/dev/root24/it/chain-repository-three')
def payload = { String v ->
    File f = new File(dir, "${v}/chain-repository-three-${v}-root24-certification.dsse.json")
    assert f.isFile() : "no certification deployed for ${v}"
    Base64.decoder.decode(new JsonSlurper().parse(f).payload as String)
}
def sha512 = { byte[] b -> MessageDigest.getInstance('SHA-512').digest(b).encodeHex().toString() }
byte[] previous = null
['1.0', '1.1', '1.2'].eachWithIndex { v, i ->
    byte[] p = payload(v)
    def chain = new JsonSlurper().parse(p).predicate.chain
    assert chain.index == i
    assert chain.prev == (previous == null ? '' : sha512(previous)) : "${v} does not link to the certification before it"
    assert new JsonSlurper().parse(p).predicate.certification.project == "dev.root24.it:chain-repository-three:${v}"
    previous = p
}

// the directory store was never opened: the chain lives in the repository only
assert !new File(basedir, 'target/root24/worm').exists()
assert runs[0].contains(') built; mvn deploy publishes it to the repository chain')

// verify-chain on the repository: one chain of three, every signature verified
assert runs[3].contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/root24/chain-verification.json'))
assert report.outcome == 'OK' : report.problems
assert report.entries == 3
assert report.signedEntries == 3
assert report.store.startsWith('dev.root24.it:chain-repository-three in file:')
return true
