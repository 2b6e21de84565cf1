"""The smallest group any figure, page or export shows, so no one can be picked out.

Survey results and their exports, the shadow board's evidence and the board
report all read this one number: a group with fewer people is shown as
"fewer than 5", never as a count or as the answers of its people.
"""

MIN_GROUP_SIZE = 5
