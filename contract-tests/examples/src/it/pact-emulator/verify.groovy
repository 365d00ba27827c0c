// Both pacts were verified against the standalone emulator, every interaction, none skipped.
def log = new File(basedir, 'build.log').text
def count = { String name ->
  def pact = new groovy.json.JsonSlurper().parse(new File(basedir, "../../../../pacts/${name}"))
  pact.interactions.size()
}
def acs = count('handoff-adapter-acs-acs-call-automation.json')
def graph = count('handoff-adapter-graph-graph-calls.json')
assert log.contains("Tests run: ${acs}, Failures: 0, Errors: 0, Skipped: 0") : "the ACS pact's ${acs} interactions were not all verified"
assert log.contains("Tests run: ${graph}, Failures: 0, Errors: 0, Skipped: 0") : "the Graph pact's ${graph} interactions were not all verified"
assert log.contains("Tests run: ${acs + graph}, Failures: 0, Errors: 0, Skipped: 0")
assert log.contains('[handoff] verifying the ACS pact against the emulator at http://127.0.0.1:')
true
