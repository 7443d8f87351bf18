package org.athanor.orm.rules;

/**
 * Default physical names. The rule is Spring Boot's / Hibernate's CamelCaseToUnderscoresNamingStrategy
 * so that a schema created by a Spring application maps unchanged: an underscore goes between a
 * lower-case letter and an upper-case letter followed by a lower-case one, then everything is lower
 * case ({@code firstName -> first_name}, {@code UserAccount -> user_account}, {@code userID -> userid}).
 */
public final class Naming {
    private Naming() {}

    public static String snakeCase(String name) {
        StringBuilder b = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            if (Character.isLowerCase(b.charAt(i - 1)) && Character.isUpperCase(b.charAt(i))
                    && Character.isLowerCase(b.charAt(i + 1))) {
                b.insert(i++, '_');
            }
        }
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
