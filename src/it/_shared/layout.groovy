// Builds a ROOT-24 repository layout inside an integration test's directory, so the tests keep
// their own sources small and each says only how it differs from a compliant repository.
import java.nio.file.Files

@groovy.transform.Field static final List<String> MODULES = ['01_ai_layer', '02_audit_logging', '03_core', '04_deployment', '05_documentation',
           '06_data_pipeline', '07_governance_legal', '08_identity_score', '09_meta_identity',
           '10_interoperability', '11_test_simulation', '12_tooling', '13_ui_layer', '14_zero_time_auth',
           '15_infra', '16_codex', '17_observability', '18_data_layer', '19_adapters', '20_foundation',
           '21_post_quantum_crypto', '22_datasets', '23_compliance', '24_meta_orchestration']

/**
 * options: skip (module names left out), noModuleYaml (modules without module.yaml),
 * files (map of relative path -> content).
 */
def create(File basedir, Map options = [:]) {
    // The repository root is the reactor's top directory: mark it, as a real repository would be.
    new File(basedir, '.mvn').mkdirs()
    MODULES.each { name ->
        if ((options.skip ?: []).contains(name)) {
            return
        }
        File module = new File(basedir, name)
        module.mkdirs()
        if (!(options.noModuleYaml ?: []).contains(name)) {
            new File(module, 'module.yaml').text = "name: ${name}\n"
        }
    }
    (options.files ?: [:]).each { path, content ->
        File file = new File(basedir, path)
        file.parentFile.mkdirs()
        file.text = content
    }
    return basedir
}

/** Copies a directory tree, leaving out build output ({@code target/}). */
def copyTree(File from, File to) {
    def source = from.toPath()
    Files.walk(source).withCloseable { paths ->
        paths.each { path ->
            def relative = source.relativize(path)
            if (relative.toString().split('/').contains('target')) {
                return
            }
            def target = to.toPath().resolve(relative.toString())
            if (Files.isDirectory(path)) {
                Files.createDirectories(target)
            } else {
                Files.createDirectories(target.parent)
                Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
            }
        }
    }
    return to
}

/**
 * Writes an Ed25519 key pair as PEM (PKCS#8 private, SPKI public) with the JDK alone, the
 * formats root24:keygen writes, so a test can sign without running keygen first.
 */
def ed25519KeyPair(File directory, String name) {
    directory.mkdirs()
    def pair = java.security.KeyPairGenerator.getInstance('Ed25519').generateKeyPair()
    def pem = { String type, byte[] der ->
        "-----BEGIN ${type}-----\n" + java.util.Base64.getMimeEncoder(64, '\n'.bytes).encodeToString(der) + "\n-----END ${type}-----\n"
    }
    new File(directory, name + '.key.pem').text = pem('PRIVATE KEY', pair.private.encoded)
    new File(directory, name + '.pub.pem').text = pem('PUBLIC KEY', pair.public.encoded)
}

// The organisation example as committed (examples/organisation), with the rules version being built.
def copyOrganisation(File basedir, itProjectsDirectory, root24Version) {
    File example = new File(itProjectsDirectory.toString(), '../../examples/organisation').canonicalFile
    assert example.directory : "missing ${example}"
    copyTree(example, basedir)
    File parent = new File(basedir, 'acme-parent/pom.xml')
    parent.text = parent.text.replaceFirst('<root24.version>[^<]*</root24.version>', "<root24.version>${root24Version}</root24.version>")
}
