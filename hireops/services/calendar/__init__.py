"""The team's interview calendar: booked interviews by week, each user's private ICS feed, and
interviewers' busy times read over CalDAV."""
