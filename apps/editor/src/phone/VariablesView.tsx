import { useT } from "../i18n";

/** The contact as the bot sees it: the flow's variables, the contact's fields and tags. */
export function VariablesView({
  variables,
  fields,
  tags,
}: {
  variables: Record<string, string>;
  fields: Record<string, string>;
  tags: readonly string[];
}) {
  const t = useT();
  const vars = Object.entries(variables);
  const contactFields = Object.entries(fields);
  return (
    <aside className="test-state" aria-label={t("test.state")}>
      <h3>{t("test.variables")}</h3>
      {vars.length === 0 ? (
        <p className="muted">{t("test.none")}</p>
      ) : (
        <dl data-testid="sim-variables">
          {vars.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t("test.tags")}</h3>
      {tags.length === 0 ? (
        <p className="muted">{t("test.none")}</p>
      ) : (
        <ul className="tag-list" data-testid="sim-tags">
          {tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("test.fields")}</h3>
      <dl>
        {contactFields.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
