import groovy.json.JsonSlurper

List<String> runs = new File(basedir, 'build.log').getText('UTF-8').split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 5 : "expected 5 invocations, found ${runs.size()}"

// 1 and 2: two certifications, each appending a signed entry to the same persistent store
assert runs[0].contains('WORM entry 0 (signed [Ed25519 signing key ')
// the key is the repository's own, so it signs but earns nothing; the empty chain proves nothing
assert runs[0].contains('chain empty (0 entries); 0 of 1 certifications signed with an organisation key')
assert runs[0] =~ /wormChain\s+not measured/
assert runs[1].contains('WORM entry 1 (signed [Ed25519 signing key ')
assert runs[1].contains('chain verified with warnings (1 entry); 0 of 2 certifications signed with an organisation key')
assert runs[1] =~ /wormChain\s+passed/
File worm = new File(basedir, '02_audit_logging/worm')
assert new File(worm, 'entry-0000000000.dsse.json').isFile()
assert new File(worm, 'entry-0000000001.dsse.json').isFile()

// entry 1 links to entry 0: prev is the SHA-512 of entry 0's payload bytes
// (entry 0 was changed by invocation 4; undo that one character to see what was written)
def payload = { int i ->
    String text = new File(worm, String.format('entry-%010d.dsse.json', i)).text.replace('{"payload":"ez', '{"payload":"ey')
    Base64.decoder.decode(new JsonSlurper().parseText(text).payload as String)
}
byte[] first = payload(0)
def second = new JsonSlurper().parse(payload(1))
String sha512 = java.security.MessageDigest.getInstance('SHA-512').digest(first).encodeHex().toString()
assert second.predicate.chain.prev == sha512 : "entry 1 does not link to entry 0"
assert second.predicate.chain.index == 1

// 3: the intact chain verifies
assert runs[2].contains('BUILD SUCCESS')
assert !runs[2].contains('FAIL entry')

// 5: after one changed character, verify-chain fails and names entry 0
assert runs[4].contains('BUILD FAILURE')
assert runs[4].contains('entry 0')
def report = new JsonSlurper().parse(new File(basedir, 'target/root24/chain-verification.json'))
assert report.outcome == 'FAIL'
assert report.problems.find { it.severity == 'FAIL' }.index == 0
return true
