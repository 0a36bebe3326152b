# docker run on the workstation, curl's verbose and failure modes, and the shell's help.
docker build -t llmops-app:latest . > /dev/null
docker run -d -p 8501:8501 --name recommender llmops-app:latest
docker ps
curl -s localhost:8501/health
curl -v localhost:8501/health
curl -I localhost:8501/
curl -v localhost:9999
curl -m 2 http://192.168.49.2:31000
curl
curl --bogus localhost:8501
docker run -p 8501:8501 llmops-app:latest
docker run nosuchimage:1.0
help
kubectl --help | head -n 3
kubectl get pods --help | tail -n 4
