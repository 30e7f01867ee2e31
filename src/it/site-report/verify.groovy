import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

List<String> runs = new File(basedir, 'build.log').getText('UTF-8').split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 5 : "expected 5 invocations, found ${runs.size()}"
runs.eachWithIndex { run, i -> assert run.contains('BUILD SUCCESS') : "invocation ${i + 1} failed" }

File worm = new File(basedir, '02_audit_logging/worm')
int entries = worm.listFiles().count { it.name ==~ /entry-\d{10}\.dsse\.json/ }
assert entries == 3
def report = new JsonSlurper().parse(new File(basedir, 'target/root24/report.json'))

/** The one inline SVG of the page, parsed as the XML it must be. */
def chart = { String html ->
    int start = html.indexOf('<svg')
    int end = html.indexOf('</svg>')
    assert start >= 0 && end > start && html.indexOf('<svg', start + 1) < 0 : 'expected exactly one inline <svg>'
    String svg = html.substring(start, end + '</svg>'.length())
    assert !svg.contains('<script') && !svg.contains('href') : 'the chart must carry no script and no link'
    def factory = DocumentBuilderFactory.newInstance()
    factory.namespaceAware = true
    factory.setFeature('http://apache.org/xml/features/disallow-doctype-decl', true)
    factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes('UTF-8'))).documentElement
}
def elements = { svg, String name -> def list = svg.getElementsByTagName(name); (0..<list.length).collect { list.item(it) } }
def points = { svg -> elements(svg, 'g').findAll { it.getAttribute('class').startsWith('point ') } }

// the site of the intact chain (invocation 3)
File intact = new File(basedir, 'target/site')
String page = new File(intact, 'root24-report.html').getText('UTF-8')
assert page.contains('id="root24-summary"')
assert page.contains(report.overall.tier as String)
assert page.contains("${report.overall.score}/100")
['id="root24-phase-table"', 'Static analysis (CI references)', 'Dynamic execution (checks)', 'Audit proof (WORM chain)',
 'id="root24-check-table"', 'root24Lock', 'structure_guard', 'wormChain',
 'id="root24-violation-table"', 'NOT_REFERENCED', 'id="root24-history"'].each {
    assert page.contains(it) : "root24-report.html lacks ${it}"
}
// the phase table has one row per phase, the check table one row per check (plus the header)
def rows = { String id -> (page =~ /(?s)<table[^>]*id="${id}".*?<\/table>/)[0].count('<tr') }
assert rows('root24-phase-table') == 4
assert rows('root24-check-table') == 1 + report.phases.dynamic.checks.size()

def svg = chart(page)
def drawn = points(svg)
assert drawn.size() == entries : "expected one point per chain entry (${entries}), found ${drawn.size()}"
assert svg.namespaceURI == 'http://www.w3.org/2000/svg'
assert drawn.collect { it.getAttribute('data-index') } == (0..<entries).collect { it.toString() }
assert drawn.every { it.getAttribute('class') == 'point verified' }
assert elements(svg, 'polyline').size() == 4
assert elements(svg, 'rect').find { it.getAttribute('class') == 'band gold' } != null
assert elements(svg, 'script').isEmpty()
// the project's name, which the team chooses, arrives as text: escaped, never markup
assert elements(svg, 'title')[0].textContent.contains('<script>alert(1)</script>')
assert !page.contains('<script>alert(1)')

String overview = new File(intact, 'project-reports.html').getText('UTF-8')
assert overview.contains('href="root24-report.html"') : 'project-reports.html does not link the report'

// after the newest entry's signature was forged (invocation 5, the goal on its own): still one point
// per entry, that one marked as failing
String tampered = new File(basedir, 'target/reports/root24-report.html').getText('UTF-8')
def after = points(chart(tampered))
assert after.size() == entries
assert after.collect { it.getAttribute('class') } == ['point verified', 'point verified', 'point failed']
assert tampered.contains('1 entry fails verification')
assert tampered.contains('Chain 02_audit_logging/worm: FAIL')
return true
