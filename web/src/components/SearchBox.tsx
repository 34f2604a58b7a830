import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { sv } from '../i18n/sv';

/** The search field in the header of every page: a landmark of its own, labelled. */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const current = location.pathname === '/sok' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  // follow the results page's query (back/forward, a search made there)
  useEffect(() => setQ(current), [current]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    navigate(text ? `/sok?q=${encodeURIComponent(text)}` : '/sok');
  };
  return (
    <form role="search" className="search-box" onSubmit={submit} aria-label={sv.search.label}>
      <label htmlFor={id} className="visually-hidden">{sv.search.label}</label>
      <input
        id={id}
        type="search"
        name="q"
        className="search-box__input"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={sv.search.placeholder}
        maxLength={500}
        autoComplete="off"
      />
      <button type="submit" className="search-box__button">{sv.search.submit}</button>
    </form>
  );
}
