from django.urls import path

from voice.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.give, name="give"),
    path("thank-you/", views.thanks, name="thanks"),
    path("about-you/", views.about_you, name="about_you"),
    path("check/", views.check, name="check"),
    path("check/stop-sharing/", views.stop_sharing, name="stop_sharing"),
    path("mine/", views.mine, name="mine"),
    path("shared/", views.shared, name="shared"),
    path("shared/<id:pk>/report/", views.report, name="report"),
    path("unsafe/", views.unsafe, name="unsafe"),
    path("unsafe/sent/", views.unsafe_sent, name="unsafe_sent"),
]
