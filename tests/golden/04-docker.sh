docker images
docker build -t llmops-app:latest .
docker images
docker build -t llmops-app:latest .
docker build -t llmops-app:v1.1 .
docker images | grep llmops-app
docker rmi llmops-app:v1.1
docker rmi nope:1.0
docker build -t x .. 2>&1 | tail -1
cd /tmp
docker build -t llmops-app:latest .
echo $?
docker build
