import groovy.json.JsonSlurper

File out = new File(basedir, 'report/target/org-report')
def json = new JsonSlurper().parse(new File(out, 'org-report.json'))
def rows = json.projects.collectEntries { [(it.project): it] }
assert rows.keySet() == ['com.acme.platform:payments-service', 'com.acme.platform:billing-service',
                         'com.acme.platform:legacy-portal'] as Set

// Signed by the organisation's key, under its policy, a chain of two: OK
def payments = rows['com.acme.platform:payments-service']
assert payments.status == 'OK' : payments.reasons
assert payments.version == '1.1'
assert payments.entries == 2
assert payments.policyVersion == '1.0.0'
assert payments.signers.size() == 1
assert payments.tier != null && payments.score > 0

// Deployed without the organisation's CI secret
def billing = rows['com.acme.platform:billing-service']
assert billing.status == 'UNSIGNED' : billing.reasons
assert billing.version == '1.0'
assert billing.signers.isEmpty()

assert rows['com.acme.platform:legacy-portal'].status == 'NEVER_CERTIFIED'
assert json.counts.OK == 1 && json.counts.UNSIGNED == 1 && json.counts.NEVER_CERTIFIED == 1

// CSV: the same rows, worst first (UNSIGNED before NEVER_CERTIFIED before OK)
List<String> csv = new File(out, 'org-report.csv').getText('UTF-8').split('\r\n') as List
assert csv[0].startsWith('"project","status","version"')
assert csv.size() == 4
assert csv[1].startsWith('"com.acme.platform:billing-service","UNSIGNED","1.0"')
assert csv[2].startsWith('"com.acme.platform:legacy-portal","NEVER_CERTIFIED"')
assert csv[3].startsWith('"com.acme.platform:payments-service","OK","1.1"')

// HTML: one row per project, no external resource, a drill-down page with the chart
String index = new File(out, 'index.html').getText('UTF-8')
assert index.startsWith('<!DOCTYPE html>')
assert (index =~ /<tr data-status="/).count == 3
assert index.contains('<tr data-status="OK"><td><a href="projects/com.acme.platform.payments-service-')
assert !index.contains('http://') && !index.contains('https://')
assert new File(out, 'org-report.js').isFile() && new File(out, 'org-report.css').isFile()
File[] svgs = new File(out, 'projects').listFiles().findAll { it.name.startsWith('com.acme.platform.payments-service-') && it.name.endsWith('.svg') }
assert svgs.size() == 1
String svg = svgs[0].getText('UTF-8')
assert svg.startsWith('<svg') && svg.contains('<title>Score history: com.acme.platform:payments-service</title>')
assert (svg =~ /class="point verified"/).count == 2
String page = new File(out, 'projects/' + svgs[0].name.replace('.svg', '.html')).getText('UTF-8')
assert page.contains('<img src="' + svgs[0].name + '"')

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('root24:org-report: 3 projects (1 UNSIGNED, 1 NEVER_CERTIFIED, 1 OK); 3 verified, 0 from the cache')

// By groupId: the two members that deployed a certification (legacy-portal never did), the second
// run entirely from the cache, with the same rows
def byGroup = new JsonSlurper().parse(new File(basedir, 'report/target/by-group/org-report.json'))
assert byGroup.projects*.project as Set == ['com.acme.platform:payments-service', 'com.acme.platform:billing-service'] as Set
assert byGroup.projects.find { it.project.endsWith(':payments-service') }.status == 'OK'
assert byGroup.projects.find { it.project.endsWith(':billing-service') }.status == 'UNSIGNED'
assert log.contains('root24:org-report: 2 projects (1 UNSIGNED, 1 OK); 2 verified, 0 from the cache')
assert log.contains('root24:org-report: 2 projects (1 UNSIGNED, 1 OK); 0 verified, 2 from the cache')
// verify-certification without a project writes its summary where the auditor ran it
def vsa = new JsonSlurper().parse(new File(basedir, 'report/target/root24/verification-summary.json'))
assert vsa.predicate.verificationResult == 'PASSED'
assert !new File(basedir, 'report/${project.basedir}').exists()
return true
