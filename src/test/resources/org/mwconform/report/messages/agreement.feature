Feature: One of each outcome
  Scenarios that end every way a scenario can, for the reports to agree on.

  @id:holds
  Scenario: every condition holds
    Given a condition that holds

  @id:deviates
  Scenario: the reviewed condition fails
    Given a condition that holds
    And the condition "api.error-code" fails observing "missingparam"

  @id:elsewhere
  Scenario: another condition fails
    Given the condition "createaccount.status" fails observing "PASS"

  @id:absent
  Scenario: the wiki lacks what the scenario needs
    Given the scenario does not apply because "authmanagerinfo announces no CAPTCHA"
    And a condition that holds

  @id:fixed
  Scenario: a reviewed deviation that no longer happens
    Given a condition that holds

  @id:undefined
  Scenario: a step nobody defined
    Given a step nobody wrote

  @id:retried
  Scenario Outline: an outline row
    Given a condition that holds

    Examples:
      | n |
      | 1 |
