@doc:disabling @may-create-account @needs:fillable-form
Feature: Wikis that do not let anonymous visitors create accounts through the API
  "To disable specifically this API feature, insert the following line in your configuration file:
  $wgAPIModules['createaccount'] = 'ApiDisabled';" A wiki can also keep the module and take the
  createaccount right away from anonymous visitors. The documentation names no error code for
  either; these are the codes MediaWiki 1.39 answers.

  @id:module-disabled @needs:module-disabled @beyond-docs
  Scenario: A disabled module refuses account creation
    Given I have fetched the fields and a createaccount token
    When I create an account with a fresh username and a strong password
    Then the request is rejected with error code "moduledisabled"
    And no account was created

  @id:anonymous-creation-forbidden @needs:anonymous-creation-forbidden @beyond-docs
  Scenario: An anonymous visitor without the createaccount right is refused
    Given I have fetched the fields and a createaccount token
    When I create an account with a fresh username and a strong password
    Then account creation fails with messagecode "permissiondenied"
    And no account was created
