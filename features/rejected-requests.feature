@doc:possible-errors @needs:anonymous-creation @safe-probe
Feature: Requests the API rejects before account creation starts
  The documentation's table of possible errors:
    badtoken        "Invalid create account token"
    notoken         "The token parameter must be set."
    mustpostparams  "The following parameter was found in the query string, but must be in the POST body: createtoken."
    missingparam    "At least one of the parameters "createcontinue" and "createreturnurl" is required."
  and the module help: "This module only accepts POST requests." A GET request carries createtoken in
  the query string, so the table's answer to it is mustpostparams.
  A rejected request creates nothing, so each scenario also checks that no account appeared.
  Safe probes: MediaWiki makes each of these rejections in ApiMain (token, POST, parameters) or in the
  module's parameter checks (createreturnurl), before AuthManager::beginAccountCreation looks at the
  username. On a read-only wiki the request names an account that already exists (list=allusers) and
  its retyped password differs, so a wiki that lacks the rejection answers userexists (or badretype),
  and creates nothing. These stay POSTs on a read-only wiki: the rejection under test is the API's answer to
  the request itself, which no GET can show; ApiMain makes it before AuthManager sees the request.

  Background:
    Given I have fetched the fields and a createaccount token

  @id:badtoken
  Scenario: A token the wiki did not issue is rejected
    When I create an account with an invalid token
    Then the request is rejected with error code "badtoken"
    And no account was created
    And the error information reads "Invalid create account token"

  @id:notoken
  Scenario: A request without a token is rejected
    When I create an account without a token
    Then the request is rejected with error code "notoken"
    And no account was created
    And the error information reads "The token parameter must be set."

  @id:mustpostparams
  Scenario: A token in the query string is rejected
    When I create an account with the token in the query string
    Then the request is rejected with error code "mustpostparams"
    And no account was created
    And the error information reads "The following parameter was found in the query string, but must be in the POST body: createtoken."

  @id:get-request @doc:module-help
  Scenario: A GET request is rejected
    When I create an account with a GET request
    Then the request is rejected with error code "mustpostparams"
    And no account was created

  @id:missingparam
  Scenario: A request with neither createreturnurl nor createcontinue is rejected
    When I create an account without createreturnurl or createcontinue
    Then the request is rejected with error code "missingparam"
    And no account was created
    And the error information reads 'At least one of the parameters "createcontinue" and "createreturnurl" is required.'

  @id:createreturnurl-not-absolute @doc:module-help @beyond-docs
  Scenario: A createreturnurl that is not absolute is rejected
    The module help: createreturnurl is a "Return URL for third-party authentication flows, must be
    absolute". The documentation names no code for a relative one.
    When I create an account with a createreturnurl that is not absolute
    Then the request is rejected with error code "badurl_createreturnurl"
    And no account was created
