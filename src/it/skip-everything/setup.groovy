// A repository every root24 check would fail: a stray root file (root24Lock), no CI at all
// (ciReferences), a binary .rego (regoPackages), nothing certify could score above the gate.
new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy')).create(basedir, [files: [
    'notes.txt': 'not allowed at the root\n',
]])
byte[] binary = [0x70, 0x61, 0x63, 0x6b, 0x0a, 0x00, 0x01, 0xff, 0xfe, 0x0a] as byte[]
new File(basedir, '15_infra/blob.rego').bytes = binary
return true
