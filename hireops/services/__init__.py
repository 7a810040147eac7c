"""Plain functions over a session: the business rules of HireOps (never import reflex here).

Who commits: the outermost caller, once per unit of work. A service takes `session` as a
keyword and adds, flushes and audits; it commits only when it is itself the whole unit of work
that a page, an API route, the CLI or a scheduler job asks for, and its docstring then says
"Commits.". A function another service calls as one step of a larger action (a decision
override inside HR's rejection, say) flushes and leaves the commit to that action, so a failure
part-way leaves nothing half done. A service commits early only on purpose, and says why in
a comment: a claim or lease other processes must see at once, or progress a long batch must
keep if it dies.
"""
