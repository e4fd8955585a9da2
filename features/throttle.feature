@doc:possible-errors @needs:anonymous-creation @needs:fillable-form @needs:throttle @exhausts-throttle
Feature: The account creation throttle
  The table of possible errors: acct_creation_throttle_hit, visitors "using your IP address have
  created num accounts in the last day, which is the maximum allowed in this time period. As a result,
  visitors using this IP address cannot create any more accounts at the moment."
  The throttle is $wgAccountCreationThrottle; the API does not expose it, so the environment file
  declares it. These scenarios use up the throttle of the address they speak from: they run only on
  a wiki marked disposable, where each scenario has a loopback address of its own.

  @id:throttle-hit @creates-account
  Scenario: Creating more accounts than the throttle allows
    Given I have created as many accounts as the throttle allows
    When I create an account with a fresh username and a strong password
    Then account creation fails with messagecode "acct_creation_throttle_hit"
    And no account was created

  @id:throttle-message @creates-account
  Scenario: The message says how many accounts the throttle allows
    Given I have created as many accounts as the throttle allows
    When I create another account, asking for messages as raw
    Then the message names the throttle's limit and its period

  @id:throttle-counts-failed-attempts @may-create-account @beyond-docs
  Scenario: Failed attempts count against the throttle
    The documentation speaks of accounts created; MediaWiki 1.39 counts every attempt that reaches
    its pre-authentication checks, failed ones included.
    Given I have used up the throttle with attempts whose retyped password differs
    When I create an account with a fresh username and a strong password
    Then account creation fails with messagecode "acct_creation_throttle_hit"
    And no account was created

  @id:throttle-ignores-userexists @creates-account @beyond-docs
  Scenario: Attempts with a username already in use do not count
    MediaWiki checks the username before the throttle, so these attempts never reach it.
    Given an account that already exists
    And I have tried as many times as the throttle allows to create it again
    When I create an account with a fresh username and a strong password
    Then account creation passes for that username
    And the account exists
